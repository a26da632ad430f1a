// Queries and their matches (CXapian.h): folio's `Query` arrives as a tree of these calls; an
// Enquire ranks with BM25 at folio's parameters and hands out windows of rows, so a list of
// millions never comes to the client whole.
#ifdef FOLIO_XAPIAN
#include "CXapianInternal.hpp"

extern "C" {

fx_query *fx_query_term(const char *term, size_t length) {
    try {
        return new fx_query{Xapian::Query(std::string(term, length))};
    } catch (...) {
        return nullptr;
    }
}

fx_query *fx_query_wildcard(const char *prefix, size_t length, unsigned limit) {
    try {
        // Xapian 1.4 keeps no term at all for a limit of 0 with WILDCARD_LIMIT_MOST_FREQUENT.
        int kind = limit == 0 ? Xapian::Query::WILDCARD_LIMIT_ERROR : Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT;
        return new fx_query{Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(prefix, length), limit, kind,
                                          Xapian::Query::OP_SYNONYM)};
    } catch (...) {
        return nullptr;
    }
}

fx_query *fx_query_combine(int op, fx_query **subqueries, size_t count) {
    std::vector<Xapian::Query> parts;
    for (size_t index = 0; index < count; ++index) {
        if (subqueries[index]) parts.push_back(subqueries[index]->query);
        delete subqueries[index];
    }
    try {
        Xapian::Query::op xop = Xapian::Query::OP_AND;
        switch (op) {
        case FX_OR: xop = Xapian::Query::OP_OR; break;
        case FX_AND_NOT: xop = Xapian::Query::OP_AND_NOT; break;
        case FX_PHRASE: xop = Xapian::Query::OP_PHRASE; break;
        case FX_FILTER: xop = Xapian::Query::OP_FILTER; break;
        default: break;
        }
        return new fx_query{Xapian::Query(xop, parts.begin(), parts.end())};
    } catch (...) {
        return nullptr;
    }
}

fx_query *fx_query_value_range(unsigned slot, const char *low, size_t low_length, const char *high,
                               size_t high_length) {
    try {
        std::string from(low, low_length), to(high, high_length);
        if (from.empty()) return new fx_query{Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, to)};
        if (to.empty()) return new fx_query{Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, from)};
        return new fx_query{Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, from, to)};
    } catch (...) {
        return nullptr;
    }
}

fx_query *fx_query_match_all(void) {
    try {
        return new fx_query{Xapian::Query::MatchAll};
    } catch (...) {
        return nullptr;
    }
}

void fx_query_free(fx_query *query) { delete query; }

// Value slots the indexer writes (FolioXapian's `XapianSlot` says the same). Each order is one
// slot sorted ascending: Xapian 1.4's remote backend takes no KeyMaker, only a value slot.
enum { SLOT_TITLE = 1, SLOT_DATE_ORDER = 4, SLOT_SOURCE_ORDER = 5 };

fx_error fx_enquire_open(fx_reader *reader, const fx_query *query, int sort, fx_enquire **out) {
    *out = nullptr;
    return fx_guard([&] {
        if (!query) throw std::runtime_error("the query could not be built");
        std::lock_guard<std::mutex> lock(reader->mutex);
        if (reader->open.empty()) throw std::runtime_error("no shard is reachable");
        auto made = std::make_unique<fx_enquire>();
        made->reader = reader;
        made->database = reader->combined;
        made->open = reader->open;
        made->enquire = std::make_unique<Xapian::Enquire>(made->database);
        made->enquire->set_query(query->query);
        // folio's BM25 (Search/IndexFormat/BM25.swift): k1 1.2, b 0.75.
        made->enquire->set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
        // Ties: newest first, then title, as the embedded engine orders them.
        switch (sort) {
        case FX_SORT_RELEVANCE: made->enquire->set_sort_by_relevance_then_value(SLOT_DATE_ORDER, false); break;
        case FX_SORT_TITLE: made->enquire->set_sort_by_value(SLOT_TITLE, false); break;
        case FX_SORT_SOURCE: made->enquire->set_sort_by_value(SLOT_SOURCE_ORDER, false); break;
        default: made->enquire->set_sort_by_value(SLOT_DATE_ORDER, false); break;
        }
        *out = made.release();
    });
}

void fx_enquire_close(fx_enquire *enquire) { delete enquire; }

fx_error fx_enquire_count(fx_enquire *enquire, uint64_t *count) {
    return fx_guard([&] {
        std::lock_guard<std::mutex> lock(enquire->reader->mutex);
        if (!enquire->has_count) {
            // Asking to check every document makes the estimate the exact count.
            Xapian::MSet none = enquire->enquire->get_mset(0, 0, enquire->database.get_doccount());
            enquire->count = none.get_matches_estimated();
            enquire->has_count = true;
        }
        *count = enquire->count;
    });
}

fx_error fx_enquire_estimate(fx_enquire *enquire, uint64_t *lower, uint64_t *estimated, int *exact) {
    return fx_guard([&] {
        std::lock_guard<std::mutex> lock(enquire->reader->mutex);
        *exact = enquire->has_count ? 1 : 0;
        *lower = enquire->has_count ? enquire->count : enquire->lower;
        *estimated = enquire->has_count ? enquire->count : enquire->estimated;
    });
}

fx_error fx_enquire_window(fx_enquire *enquire, uint64_t first, uint32_t max, int estimate, uint64_t *numbers,
                           double *weights, uint32_t *returned) {
    *returned = 0;
    return fx_guard([&] {
        std::lock_guard<std::mutex> lock(enquire->reader->mutex);
        // Counting every match makes Xapian score them all instead of stopping once the window's
        // rows are certain: three times the time for a common word over a million articles.
        bool counts = !enquire->has_count && !estimate;
        Xapian::MSet window = enquire->enquire->get_mset(static_cast<Xapian::doccount>(first), max,
                                                         counts ? enquire->database.get_doccount() : 0);
        if (counts) {
            enquire->count = window.get_matches_estimated();
            enquire->has_count = true;
        } else if (!enquire->has_count && first == 0) {
            enquire->lower = window.get_matches_lower_bound();
            enquire->estimated = window.get_matches_estimated();
            if (enquire->lower == window.get_matches_upper_bound()) {
                enquire->count = enquire->lower;  // every match was checked: the estimate is the count
                enquire->has_count = true;
            }
        }
        size_t opened = enquire->open.size();
        size_t shards = enquire->reader->shards.size();
        uint32_t filled = 0;
        for (auto match = window.begin(); match != window.end() && filled < max; ++match, ++filled) {
            // The combined database interleaves the open shards' docids; name the document by
            // its shard in the stub instead, which stays put when a shard comes or goes.
            Xapian::docid combined = *match;
            size_t shard = enquire->open[(combined - 1) % opened];
            uint64_t local = (combined - 1) / opened + 1;
            numbers[filled] = (local - 1) * shards + shard;
            weights[filled] = match.get_weight();
        }
        *returned = filled;
    });
}

} // extern "C"
#endif
