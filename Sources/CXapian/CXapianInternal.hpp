// What the C++ files of CXapian share: the reader's and query's structures and the guard that
// turns every exception into an error string.
#ifndef FOLIO_CXAPIAN_INTERNAL_HPP
#define FOLIO_CXAPIAN_INTERNAL_HPP

#include "CXapian.h"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>
#include <xapian.h>

/// One database of a stub: a local folder or a remote server.
struct fx_shard {
    std::string name;
    std::string path;
    std::string host;
    unsigned port = 0;
    Xapian::Database database;
    bool is_open = false;
    /// Why it could not be opened, when it could not.
    std::string problem;
};

struct fx_reader {
    std::mutex mutex;
    std::vector<fx_shard> shards;
    /// The indices of the shards that opened, in the order `combined` holds them.
    std::vector<size_t> open;
    Xapian::Database combined;
    uint64_t number_space = 0;
    unsigned timeout_ms = 0;
    unsigned connect_timeout_ms = 0;
};

struct fx_query {
    Xapian::Query query;
};

struct fx_enquire {
    fx_reader *reader;
    Xapian::Database database;
    std::vector<size_t> open;
    std::unique_ptr<Xapian::Enquire> enquire;
    bool has_count = false;
    uint64_t count = 0;
    // From the first window read with an estimate (the count not yet asked for).
    uint64_t lower = 0;
    uint64_t estimated = 0;
};

inline char *fx_copy(const std::string &text) {
    char *copy = static_cast<char *>(std::malloc(text.size() + 1));
    if (copy) {
        std::memcpy(copy, text.data(), text.size());
        copy[text.size()] = 0;
    }
    return copy;
}

inline std::string fx_describe(const Xapian::Error &error) {
    std::string text = error.get_type();
    text += ": ";
    text += error.get_msg();
    if (!error.get_context().empty()) text += " (" + error.get_context() + ")";
    return text;
}

/// Runs `body`, returning nullptr or the message of whatever it threw.
template <typename Body> fx_error fx_guard(Body body) {
    try {
        body();
        return nullptr;
    } catch (const Xapian::Error &error) {
        return fx_copy(fx_describe(error));
    } catch (const std::exception &error) {
        return fx_copy(error.what());
    } catch (...) {
        return fx_copy("unknown error");
    }
}

#endif
