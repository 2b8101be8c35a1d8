// Wide-character curses: the _XOPEN_SOURCE_EXTENDED API (add_wch, get_wch, cchar_t).
#ifndef LUX_CNCURSESW_SHIM_H
#define LUX_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif
