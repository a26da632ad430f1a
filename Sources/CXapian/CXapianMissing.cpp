// CXapian.h without libxapian (the `Xapian` trait off): every call says how to get it, so the
// package builds on a machine without libxapian-dev.
#include "CXapian.h"

#include <cstdlib>
#include <cstring>

void fx_free_string(char *string) { std::free(string); }

#ifndef FOLIO_XAPIAN

static char *fx_not_built() {
    const char *message = "this folio was built without Xapian: install libxapian-dev and build with "
                          "`swift build --traits Xapian` (or `make install`)";
    char *copy = static_cast<char *>(std::malloc(std::strlen(message) + 1));
    if (copy) std::strcpy(copy, message);
    return copy;
}

int fx_available(void) { return 0; }
fx_error fx_reader_open(const char *, unsigned, fx_reader **out) {
    *out = nullptr;
    return fx_not_built();
}
void fx_reader_close(fx_reader *) {}
fx_error fx_reader_shards(fx_reader *, size_t *) { return fx_not_built(); }
fx_error fx_reader_shard(fx_reader *, size_t, char **, char **) { return fx_not_built(); }
fx_error fx_reader_reopen(fx_reader *) { return fx_not_built(); }
fx_error fx_reader_counts(fx_reader *, uint64_t *, uint64_t *, uint64_t *) { return fx_not_built(); }
fx_error fx_reader_document(fx_reader *, uint64_t, char **, size_t *, int *) { return fx_not_built(); }
fx_error fx_reader_number_of_term(fx_reader *, const char *, size_t, uint64_t *, int *) { return fx_not_built(); }
fx_error fx_reader_expand(fx_reader *, const char *, size_t, unsigned, char **terms, size_t *length) {
    *terms = nullptr;
    *length = 0;
    return fx_not_built();
}
fx_error fx_reader_related_terms(fx_reader *, uint64_t, unsigned, char **terms, size_t *length) {
    *terms = nullptr;
    *length = 0;
    return fx_not_built();
}
fx_query *fx_query_term(const char *, size_t) { return nullptr; }
fx_query *fx_query_wildcard(const char *, size_t, unsigned) { return nullptr; }
fx_query *fx_query_combine(int, fx_query **, size_t) { return nullptr; }
fx_query *fx_query_value_range(unsigned, const char *, size_t, const char *, size_t) { return nullptr; }
fx_query *fx_query_match_all(void) { return nullptr; }
void fx_query_free(fx_query *) {}
fx_error fx_enquire_open(fx_reader *, const fx_query *, int, fx_enquire **out) {
    *out = nullptr;
    return fx_not_built();
}
void fx_enquire_close(fx_enquire *) {}
fx_error fx_enquire_count(fx_enquire *, uint64_t *) { return fx_not_built(); }
fx_error fx_enquire_window(fx_enquire *, uint64_t, uint32_t, int, uint64_t *, double *, uint32_t *) {
    return fx_not_built();
}
fx_error fx_enquire_estimate(fx_enquire *, uint64_t *, uint64_t *, int *) { return fx_not_built(); }
fx_error fx_writer_open(const char *, fx_writer **out) {
    *out = nullptr;
    return fx_not_built();
}
void fx_writer_close(fx_writer *) {}
fx_error fx_writer_replace(fx_writer *, int, const char *, size_t, const char *, size_t, const char *, size_t,
                           const uint32_t *, const uint32_t *, size_t, const char *const *, const size_t *, size_t) {
    return fx_not_built();
}
fx_error fx_writer_delete(fx_writer *, const char *, size_t) { return fx_not_built(); }
fx_error fx_writer_commit(fx_writer *) { return fx_not_built(); }
fx_error fx_writer_each_unique(fx_writer *, const char *, unsigned, void *,
                               void (*)(void *, const char *, size_t, const char *, size_t)) {
    return fx_not_built();
}

#endif
