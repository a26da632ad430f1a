// Reading a database or a stub of shards (CXapian.h). Each shard is opened on its own, so a shard
// that is down or damaged is reported by name while the others answer; the reachable ones are
// combined into one Xapian::Database for searching (Documentation/architecture.md §9).
#ifdef FOLIO_XAPIAN
#include "CXapianInternal.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace {

std::string trimmed(const std::string &text) {
    const char *space = " \t\r\n";
    auto first = text.find_first_not_of(space);
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(space) - first + 1);
}

std::string folder_of(const std::string &path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

/// The shards a stub file names: `auto|glass|chert PATH` (relative to the stub's folder),
/// `remote HOST:PORT`, `remote tcp HOST PORT`.
std::vector<fx_shard> read_stub(const std::string &path) {
    std::ifstream stream(path);
    if (!stream) throw std::runtime_error("cannot read " + path);
    std::vector<fx_shard> shards;
    std::string line;
    int number = 0;
    while (std::getline(stream, line)) {
        ++number;
        line = trimmed(line);
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string kind, first, second, third;
        words >> kind >> first >> second >> third;
        fx_shard shard;
        if (kind == "auto" || kind == "glass" || kind == "chert") {
            std::string target = trimmed(line.substr(kind.size()));
            shard.path = target[0] == '/' ? target : folder_of(path) + "/" + target;
            shard.name = target;
        } else if ((kind == "remote" && first == "tcp") || kind == "tcp") {
            shard.host = kind == "tcp" ? first : second;
            std::string port = kind == "tcp" ? second : third;
            shard.port = static_cast<unsigned>(std::strtoul(port.c_str(), nullptr, 10));
            shard.name = shard.host + ":" + port;
        } else if (kind == "remote" && first.find(':') != std::string::npos && first[0] != ':') {
            auto colon = first.rfind(':');
            shard.host = first.substr(0, colon);
            shard.port = static_cast<unsigned>(std::strtoul(first.c_str() + colon + 1, nullptr, 10));
            shard.name = first;
        } else {
            throw std::runtime_error(path + " line " + std::to_string(number) + ": not a shard: " + line);
        }
        if (!shard.host.empty() && (shard.port == 0 || shard.port > 65535))
            throw std::runtime_error(path + " line " + std::to_string(number) + ": no port: " + line);
        shards.push_back(shard);
    }
    if (shards.empty()) throw std::runtime_error(path + " names no shard");
    return shards;
}

/// Opens every shard on its own and combines those that opened. Called with the lock held.
void open_shards(fx_reader &reader) {
    Xapian::Database combined;
    reader.open.clear();
    for (size_t index = 0; index < reader.shards.size(); ++index) {
        fx_shard &shard = reader.shards[index];
        try {
            shard.database = shard.host.empty()
                                 ? Xapian::Database(shard.path)
                                 : Xapian::Remote::open(shard.host, shard.port, reader.timeout_ms,
                                                        reader.connect_timeout_ms);
            shard.problem.clear();
            shard.is_open = true;
            combined.add_database(shard.database);
            reader.open.push_back(index);
        } catch (const Xapian::Error &error) {
            shard.is_open = false;
            shard.problem = fx_describe(error);
        } catch (const std::exception &error) {
            shard.is_open = false;
            shard.problem = error.what();
        }
    }
    reader.combined = combined;
    for (const fx_shard &shard : reader.shards) {
        if (!shard.is_open) continue;
        uint64_t space = static_cast<uint64_t>(shard.database.get_lastdocid()) * reader.shards.size();
        if (space > reader.number_space) reader.number_space = space;
    }
}

} // namespace

extern "C" {

int fx_available(void) { return 1; }

fx_error fx_reader_open(const char *path, unsigned timeout_ms, fx_reader **out) {
    *out = nullptr;
    return fx_guard([&] {
        auto reader = std::make_unique<fx_reader>();
        reader->timeout_ms = timeout_ms;
        reader->connect_timeout_ms = timeout_ms;
        struct stat status;
        if (stat(path, &status) != 0) throw std::runtime_error(std::string(path) + ": no such database or stub file");
        if (S_ISDIR(status.st_mode)) {
            fx_shard shard;
            shard.path = path;
            shard.name = path;
            reader->shards.push_back(shard);
        } else {
            reader->shards = read_stub(path);
        }
        open_shards(*reader);
        if (reader->open.empty()) {
            const fx_shard &first = reader->shards[0];
            throw std::runtime_error(reader->shards.size() == 1 ? first.problem : first.name + ": " + first.problem);
        }
        *out = reader.release();
    });
}

void fx_reader_close(fx_reader *reader) { delete reader; }

fx_error fx_reader_shards(fx_reader *reader, size_t *count) {
    std::lock_guard<std::mutex> lock(reader->mutex);
    *count = reader->shards.size();
    return nullptr;
}

fx_error fx_reader_shard(fx_reader *reader, size_t index, char **name, char **problem) {
    return fx_guard([&] {
        std::lock_guard<std::mutex> lock(reader->mutex);
        const fx_shard &shard = reader->shards.at(index);
        *name = fx_copy(shard.name);
        *problem = shard.is_open ? nullptr : fx_copy(shard.problem);
    });
}

fx_error fx_reader_reopen(fx_reader *reader) {
    return fx_guard([&] {
        std::lock_guard<std::mutex> lock(reader->mutex);
        open_shards(*reader);
    });
}

fx_error fx_reader_counts(fx_reader *reader, uint64_t *doc_count, uint64_t *number_space, uint64_t *term_count) {
    return fx_guard([&] {
        std::lock_guard<std::mutex> lock(reader->mutex);
        *doc_count = reader->open.empty() ? 0 : reader->combined.get_doccount();
        *number_space = reader->number_space;
        uint64_t terms = 0;
        for (size_t index : reader->open) {
            const fx_shard &shard = reader->shards[index];
            // Counting terms reads the whole term list: only for local shards.
            if (!shard.host.empty()) continue;
            uint64_t count = 0;
            for (auto term = shard.database.allterms_begin(); term != shard.database.allterms_end(); ++term) ++count;
            if (count > terms) terms = count;
        }
        *term_count = terms;
    });
}

fx_error fx_reader_document(fx_reader *reader, uint64_t number, char **data, size_t *length, int *found) {
    *data = nullptr;
    *length = 0;
    *found = 0;
    return fx_guard([&] {
        std::lock_guard<std::mutex> lock(reader->mutex);
        size_t count = reader->shards.size();
        fx_shard &shard = reader->shards.at(number % count);
        if (!shard.is_open) throw std::runtime_error("shard " + shard.name + " is unavailable");
        Xapian::docid docid = static_cast<Xapian::docid>(number / count + 1);
        try {
            std::string text = shard.database.get_document(docid).get_data();
            *data = fx_copy(text);
            *length = text.size();
            *found = 1;
        } catch (const Xapian::DocNotFoundError &) {
        }
    });
}

fx_error fx_reader_number_of_term(fx_reader *reader, const char *term, size_t term_length, uint64_t *number,
                                  int *found) {
    *found = 0;
    return fx_guard([&] {
        std::lock_guard<std::mutex> lock(reader->mutex);
        std::string wanted(term, term_length);
        for (size_t index : reader->open) {
            Xapian::Database &database = reader->shards[index].database;
            auto posting = database.postlist_begin(wanted);
            if (posting != database.postlist_end(wanted)) {
                *number = static_cast<uint64_t>(*posting - 1) * reader->shards.size() + index;
                *found = 1;
                return;
            }
        }
    });
}

fx_error fx_reader_expand(fx_reader *reader, const char *prefix, size_t prefix_length, unsigned limit, char **terms,
                          size_t *length) {
    *terms = nullptr;
    *length = 0;
    return fx_guard([&] {
        std::lock_guard<std::mutex> lock(reader->mutex);
        std::string start(prefix, prefix_length);
        std::vector<std::pair<Xapian::doccount, std::string>> found;
        if (!reader->open.empty()) {
            for (auto term = reader->combined.allterms_begin(start); term != reader->combined.allterms_end(start); ++term)
                found.emplace_back(term.get_termfreq(), *term);
        }
        std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        if (found.size() > limit) found.resize(limit);
        std::string joined;
        for (const auto &entry : found) {
            joined += entry.second;
            joined.push_back('\0');
        }
        *terms = fx_copy(joined);
        *length = joined.size();
    });
}

} // extern "C"
#endif
