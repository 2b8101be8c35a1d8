// Wide-character curses: the _XOPEN_SOURCE_EXTENDED API (add_wch, get_wch, cchar_t).
#ifndef LUX_CNCURSESW_SHIM_H
#define LUX_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Attribute and colour-pair macros are not visible to Swift; these give their values.
static inline attr_t lux_attr_bold(void) { return A_BOLD; }
static inline attr_t lux_attr_dim(void) { return A_DIM; }
static inline attr_t lux_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t lux_attr_reverse(void) { return A_REVERSE; }
static inline attr_t lux_attr_normal(void) { return A_NORMAL; }

// Globals that Swift 6 refuses to read directly (shared mutable state); curses is only used
// from the UI thread.
static inline WINDOW *lux_stdscr(void) { return stdscr; }
static inline int lux_colors(void) { return COLORS; }
static inline int lux_color_pairs(void) { return COLOR_PAIRS; }
static inline SCREEN *lux_newterm(void) { return newterm(NULL, stdout, stdin); }

// Columns a character takes in the current locale (-1: not printable).
static inline int lux_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
