// The C side of FolioCore's HTML reading: libxml2's HTML parser, plus what Swift cannot do with it
// directly (Documentation/architecture.md §5). The include path comes from pkg-config (libxml-2.0).
#ifndef FOLIO_CLIBXML2_SHIM_H
#define FOLIO_CLIBXML2_SHIM_H

// libxml2 built with ICU includes the system's ICU headers from encoding.h; Foundation brings its own
// ICU module with the same enums, and the two clash. Nothing here uses libxml2's ICU types (they
// only change the layout of xmlCharEncodingHandler, which folio never touches), so leave them out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// libxml2's generic error callback is variadic, which Swift cannot define: a C no-op instead.
static void folio_xml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static void folio_xml_ignore_structured_error(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

// Sends this thread's libxml2 errors nowhere: a broken page must never print to stderr, which
// the reader's screen shares. The handlers are per thread in libxml2, so every parse calls this.
static inline void folio_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, folio_xml_ignore_generic_error);
    xmlSetStructuredErrorFunc(NULL, folio_xml_ignore_structured_error);
}

#endif
