#ifndef ECS_REINSTALL_CNCURSESW_SHIM_H
#define ECS_REINSTALL_CNCURSESW_SHIM_H

// The wide-character API (wget_wch, mvaddwstr, cchar_t) is only declared with this set.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

// Swift cannot import function-like or computed macros: wrap the ones we use.
static inline int shim_a_bold(void) { return (int)A_BOLD; }
static inline int shim_a_reverse(void) { return (int)A_REVERSE; }
static inline int shim_a_dim(void) { return (int)A_DIM; }
static inline int shim_a_underline(void) { return (int)A_UNDERLINE; }

// Mouse button masks are computed from the mouse protocol version.
static inline mmask_t shim_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t shim_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t shim_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t shim_button4_pressed(void) { return BUTTON4_PRESSED; }
// The wheel's downward turn is button 5, which only mouse protocol version 2 has (macOS ships 1).
#if defined(NCURSES_MOUSE_VERSION) && NCURSES_MOUSE_VERSION > 1
static inline mmask_t shim_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t shim_button5_pressed(void) { return 0; }
#endif
static inline mmask_t shim_button_shift(void) { return BUTTON_SHIFT; }

// stdscr, LINES and COLS are mutable C globals, which Swift 6 refuses to touch directly.
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }

// One grid cell: a spacing character plus up to CCHARW_MAX-1 combining characters, drawn with
// setcchar + mvadd_wch so ncurses places wide characters at their true width.
static inline int shim_cchar_max(void) { return CCHARW_MAX; }
static inline int shim_put_cell(int y, int x, const wchar_t *text, int attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attrs, (NCURSES_PAIRS_T)pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

// Whether curses can drive the terminal `term` full-screen, asked of its terminfo entry before
// initscr (which would exit the process on an unknown terminal): 0 it can, 1 no entry (or no
// terminfo at all), 2 it cannot move the cursor (dumb, a printer). `*alternate` tells whether it
// has an alternate screen (smcup). The entry is released again; initscr loads its own.
static inline int shim_probe_terminal(const char *term, int *alternate) {
    int error = 0;
    *alternate = 0;
    if (setupterm(term, 1, &error) != OK) return 1;
    const char *cup = tigetstr("cup");
    const char *smcup = tigetstr("smcup");
    int moves = cup != NULL && cup != (char *)-1 && cup[0] != 0;
    *alternate = smcup != NULL && smcup != (char *)-1 && smcup[0] != 0;
    del_curterm(cur_term);
    return moves ? 0 : 2;
}

#endif
