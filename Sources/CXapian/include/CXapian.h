// A C face for the parts of Xapian folio uses (Documentation/architecture.md §9): Swift imports
// this header; the C++ behind it catches every exception and returns an error string instead (an
// exception crossing into Swift would abort the process). Built only with the `Xapian` trait:
// without it every call answers "not built" (`fx_available` is 0).
#ifndef FOLIO_CXAPIAN_H
#define FOLIO_CXAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when the shim was built against libxapian.
int fx_available(void);

/// An error message to be freed with `fx_free_string`; NULL means success.
typedef char *fx_error;
void fx_free_string(char *string);

typedef struct fx_reader fx_reader;
typedef struct fx_writer fx_writer;

/// Opens a database folder or a stub file (local shards, `remote tcp HOST PORT` lines) for
/// reading; remote shards wait at most `timeout_ms` for an answer.
fx_error fx_reader_open(const char *path, unsigned timeout_ms, fx_reader **out);
void fx_reader_close(fx_reader *reader);
/// How many shards the stub names (1 for a database folder).
fx_error fx_reader_shards(fx_reader *reader, size_t *count);
/// Shard `index`: its name (a path or HOST:PORT) and, when it could not be opened or stopped
/// answering, why (else NULL). Both to be freed with `fx_free_string`.
fx_error fx_reader_shard(fx_reader *reader, size_t index, char **name, char **problem);
/// Opens every shard again (reconnecting to remote ones, each shard on its own, so one down shard
/// leaves the others searchable) at its latest revision.
fx_error fx_reader_reopen(fx_reader *reader);
// Documents are named by a number across the shards: (docid in its shard - 1) × shards + shard
// index, so a number stays the same whichever shards are reachable.

/// Documents in the reachable shards, the size of the number space, and the distinct terms of the
/// largest shard (an estimate for the whole).
fx_error fx_reader_counts(fx_reader *reader, uint64_t *doc_count, uint64_t *number_space, uint64_t *term_count);
/// The document data of `number` (malloc'd, to be freed with `fx_free_string`); `*found` is 0 when
/// there is none (a deleted document).
fx_error fx_reader_document(fx_reader *reader, uint64_t number, char **data, size_t *length, int *found);
/// The number of the document holding the unique term; `*found` 0 when none.
fx_error fx_reader_number_of_term(fx_reader *reader, const char *term, size_t term_length, uint64_t *number,
                                  int *found);

/// Up to `limit` terms starting with `prefix` across the reachable shards, the most frequent first,
/// each followed by a NUL (malloc'd, freed with `fx_free_string`): a phrase's last word being typed
/// (Xapian 1.4 takes no wildcard inside a phrase).
fx_error fx_reader_expand(fx_reader *reader, const char *prefix, size_t prefix_length, unsigned limit, char **terms,
                          size_t *length);

/// Up to `limit` of the most distinctive words of document `number` by Xapian's relevance feedback
/// (an ESet of the document alone), folio's raw-word terms of three bytes or more found in at
/// least one other document, the best first, each followed by a NUL (malloc'd, freed with
/// `fx_free_string`): "more like this".
fx_error fx_reader_related_terms(fx_reader *reader, uint64_t number, unsigned limit, char **terms, size_t *length);

/// A query tree built from folio's `Query` (terms are folio's folded tokens or their stems).
typedef struct fx_query fx_query;
fx_query *fx_query_term(const char *term, size_t length);
/// Every term starting with `prefix`, at most `limit` of them (the most frequent first; 0: all),
/// scored as one term (a synonym).
fx_query *fx_query_wildcard(const char *prefix, size_t length, unsigned limit);
enum fx_op { FX_AND = 0, FX_OR = 1, FX_AND_NOT = 2, FX_PHRASE = 3, FX_FILTER = 4 };
/// Combines `count` subqueries (taken over, freed here) with `op`.
fx_query *fx_query_combine(int op, fx_query **subqueries, size_t count);
/// Documents whose value in `slot` lies in [low, high] (an empty bound is open).
fx_query *fx_query_value_range(unsigned slot, const char *low, size_t low_length, const char *high, size_t high_length);
fx_query *fx_query_match_all(void);
void fx_query_free(fx_query *query);

enum fx_sort { FX_SORT_RELEVANCE = 0, FX_SORT_DATE = 1, FX_SORT_TITLE = 2, FX_SORT_SOURCE = 3 };

/// A query's ranked matches: opened once per search, read a window at a time.
typedef struct fx_enquire fx_enquire;
fx_error fx_enquire_open(fx_reader *reader, const fx_query *query, int sort, fx_enquire **out);
void fx_enquire_close(fx_enquire *enquire);
/// The exact count of matches (asks for it once; kept).
fx_error fx_enquire_count(fx_enquire *enquire, uint64_t *count);
/// Rows first..<first+max: document numbers and scores; `*returned` how many were filled. The
/// first window read also counts every match (exact), unless `estimate` is set: then it checks only
/// as many as the window needs, and `fx_enquire_estimate` tells how many there may be.
fx_error fx_enquire_window(fx_enquire *enquire, uint64_t first, uint32_t max, int estimate, uint64_t *numbers,
                           double *weights, uint32_t *returned);
/// After a window read with `estimate`: the matches there are at least (`*lower`) and likely
/// (`*estimated`); `*exact` is 1 when the two are the count (every match was checked anyway).
fx_error fx_enquire_estimate(fx_enquire *enquire, uint64_t *lower, uint64_t *estimated, int *exact);

/// Opens (creating when missing) a writable database folder.
fx_error fx_writer_open(const char *path, fx_writer **out);
void fx_writer_close(fx_writer *writer);
/// A document, added (`is_new`: its id is not stored yet, which saves a look-up that grows with the
/// uncommitted changes) or replacing the one with its unique term: terms separated by NUL in `terms` (`term_count` of them), each with a position
/// (0 for none) and a wdf increment; `values` are `value_count` slot contents, each `value_lengths` long.
fx_error fx_writer_replace(fx_writer *writer, int is_new, const char *unique_term, size_t unique_length, const char *data,
                           size_t data_length, const char *terms, size_t terms_length, const uint32_t *positions,
                           const uint32_t *wdfs, size_t term_count, const char *const *values,
                           const size_t *value_lengths, size_t value_count);
fx_error fx_writer_delete(fx_writer *writer, const char *unique_term, size_t unique_length);
fx_error fx_writer_commit(fx_writer *writer);
/// Every unique term (those starting with `prefix`) and its document's value `slot`, for a diff:
/// calls `visit(context, term, length, value, length)` for each.
fx_error fx_writer_each_unique(fx_writer *writer, const char *prefix, unsigned slot, void *context,
                               void (*visit)(void *, const char *, size_t, const char *, size_t));

#ifdef __cplusplus
}
#endif

#endif
