// The C side of CursesTerminal: ncursesw with its wide-character API, plus what Swift cannot import
// from it directly (Documentation/architecture.md §11).
#ifndef FOLIO_CNCURSESW_SHIM_H
#define FOLIO_CNCURSESW_SHIM_H

// Without these, curses.h leaves out cchar_t, get_wch, setcchar and the other wide functions.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <wctype.h>
#include <langinfo.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// Swift imports no macro built from NCURSES_BITS: re-export the attributes as constants.
static const attr_t folio_A_NORMAL = A_NORMAL;
static const attr_t folio_A_STANDOUT = A_STANDOUT;
static const attr_t folio_A_UNDERLINE = A_UNDERLINE;
static const attr_t folio_A_REVERSE = A_REVERSE;
static const attr_t folio_A_BLINK = A_BLINK;
static const attr_t folio_A_DIM = A_DIM;
static const attr_t folio_A_BOLD = A_BOLD;
static const attr_t folio_A_INVIS = A_INVIS;
static const attr_t folio_A_ITALIC = A_ITALIC;
static const attr_t folio_A_COLOR = A_COLOR;
static const attr_t folio_A_ATTRIBUTES = A_ATTRIBUTES;

// The most wide characters a complex character holds (5 in ncurses 6.4).
static const int folio_CCHARW_MAX = CCHARW_MAX;

// Function-like macros Swift cannot call.
static inline attr_t folio_COLOR_PAIR(int pair) { return (attr_t)COLOR_PAIR(pair); }
static inline int folio_PAIR_NUMBER(attr_t attributes) { return PAIR_NUMBER(attributes); }
static inline int folio_KEY_F(int number) { return KEY_F(number); }

// Swift 6 rejects these C globals as shared mutable state; read them through functions. They
// belong to the current SCREEN (the one newterm or set_term made current).
static inline WINDOW *folio_stdscr(void) { return stdscr; }
static inline int folio_COLORS(void) { return COLORS; }
static inline int folio_COLOR_PAIRS(void) { return COLOR_PAIRS; }

// glibc declares wcwidth only under _XOPEN_SOURCE, which the system modules were built without
// (the define above comes too late for them). ncurses places cells by this function, so the
// backend asks it too.
extern int wcwidth(wchar_t character);
static inline int folio_wcwidth(wchar_t character) { return wcwidth(character); }

// Whether the current terminal can move the cursor ("cup"): newterm accepts TERM=dumb, which
// cannot, and drawing a screen on it would print every cell in one long line.
static inline int folio_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != 0 && cup != (const char *)-1;
}

#endif
