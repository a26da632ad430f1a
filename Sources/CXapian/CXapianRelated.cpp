// "More like this" (CXapian.h, Documentation/architecture.md §9): Xapian's relevance feedback
// picks an article's most distinctive words from the databases' own statistics, remote shards
// included; folio then runs them as an ordinary query.
#ifdef FOLIO_XAPIAN
#include "CXapianInternal.hpp"

namespace {

/// Keeps folio's raw-word terms (folded, so never starting with an ASCII capital, which every
/// prefixed term does) of three bytes or more that are not all digits: the words the embedded
/// engine's "more like this" considers.
struct RawWords : Xapian::ExpandDecider {
    bool operator()(const std::string &term) const override {
        if (term.size() < 3) return false;
        if (term[0] >= 'A' && term[0] <= 'Z') return false;
        for (char byte : term) {
            if (byte < '0' || byte > '9') return true;
        }
        return false;
    }
};

} // namespace

extern "C" {

fx_error fx_reader_related_terms(fx_reader *reader, uint64_t number, unsigned limit, char **terms, size_t *length) {
    *terms = nullptr;
    *length = 0;
    return fx_guard([&] {
        std::lock_guard<std::mutex> lock(reader->mutex);
        size_t count = reader->shards.size();
        size_t shard = static_cast<size_t>(number % count);
        size_t position = 0;
        while (position < reader->open.size() && reader->open[position] != shard) ++position;
        if (position == reader->open.size()) {
            throw std::runtime_error("shard " + reader->shards.at(shard).name + " is unavailable");
        }
        // The document's docid in the combined database, which interleaves the open shards.
        Xapian::docid combined = static_cast<Xapian::docid>((number / count) * reader->open.size() + position + 1);
        Xapian::RSet relevant;
        relevant.add_document(combined);
        Xapian::Enquire enquire(reader->combined);
        RawWords decider;
        // Three candidates a word: those found in no other document are dropped below.
        Xapian::ESet candidates =
            enquire.get_eset(limit * 3, relevant, Xapian::Enquire::INCLUDE_QUERY_TERMS, &decider);
        if (candidates.empty()) return;
        std::vector<std::string> words(candidates.begin(), candidates.end());
        // One match over the candidates gathers their frequencies from every shard at once.
        enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
        Xapian::MSet statistics = enquire.get_mset(0, 0);
        std::string joined;
        unsigned kept = 0;
        for (const std::string &word : words) {
            if (kept == limit) break;
            if (statistics.get_termfreq(word) < 2) continue;
            joined += word;
            joined.push_back('\0');
            ++kept;
        }
        *terms = fx_copy(joined);
        *length = joined.size();
    });
}

} // extern "C"
#endif
