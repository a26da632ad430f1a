// Writing one shard (CXapian.h): documents replaced or deleted by their unique id term, so
// indexing a changed folder again touches only what changed.
#ifdef FOLIO_XAPIAN
#include "CXapianInternal.hpp"

struct fx_writer {
    Xapian::WritableDatabase database;
};

extern "C" {

fx_error fx_writer_open(const char *path, fx_writer **out) {
    *out = nullptr;
    return fx_guard([&] { *out = new fx_writer{Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN)}; });
}

void fx_writer_close(fx_writer *writer) {
    if (!writer) return;
    try {
        writer->database.close();
    } catch (...) {
    }
    delete writer;
}

fx_error fx_writer_replace(fx_writer *writer, int is_new, const char *unique_term, size_t unique_length, const char *data,
                           size_t data_length, const char *terms, size_t terms_length, const uint32_t *positions,
                           const uint32_t *wdfs, size_t term_count, const char *const *values,
                           const size_t *value_lengths, size_t value_count) {
    return fx_guard([&] {
        Xapian::Document document;
        std::string unique(unique_term, unique_length);
        document.set_data(std::string(data, data_length));
        document.add_boolean_term(unique);
        for (size_t slot = 0; slot < value_count; ++slot) {
            if (value_lengths[slot] > 0) document.add_value(slot, std::string(values[slot], value_lengths[slot]));
        }
        size_t start = 0;
        for (size_t index = 0; index < term_count && start < terms_length; ++index) {
            size_t length = strnlen(terms + start, terms_length - start);
            std::string term(terms + start, length);
            start += length + 1;
            if (term.empty() || term.size() > 240) continue;  // Xapian's limit is 245 bytes
            if (positions[index] > 0) {
                document.add_posting(term, positions[index], wdfs[index]);
            } else {
                document.add_term(term, wdfs[index]);
            }
        }
        if (is_new) {
            writer->database.add_document(document);
        } else {
            writer->database.replace_document(unique, document);
        }
    });
}

fx_error fx_writer_delete(fx_writer *writer, const char *unique_term, size_t unique_length) {
    return fx_guard([&] { writer->database.delete_document(std::string(unique_term, unique_length)); });
}

fx_error fx_writer_commit(fx_writer *writer) {
    return fx_guard([&] { writer->database.commit(); });
}

fx_error fx_writer_each_unique(fx_writer *writer, const char *prefix, unsigned slot, void *context,
                               void (*visit)(void *, const char *, size_t, const char *, size_t)) {
    return fx_guard([&] {
        Xapian::WritableDatabase &database = writer->database;
        for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) {
            std::string name = *term;
            auto posting = database.postlist_begin(name);
            if (posting == database.postlist_end(name)) continue;
            std::string value = database.get_document(*posting).get_value(slot);
            visit(context, name.data(), name.size(), value.data(), value.size());
        }
    });
}

} // extern "C"
#endif
