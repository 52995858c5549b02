/* cli_store.h: the store's commands, `dyad load`, `dyad query` and `dyad export`. Each parses
 * its own options (argv holds what follows the command's name) and returns an exit code. */
#ifndef DYAD_CLI_STORE_H
#define DYAD_CLI_STORE_H

#include <stddef.h>

/* The exit codes, the same numbers as main.c's and its --help. */
enum {
    DYAD_EXIT_OK = 0,
    DYAD_EXIT_FAILED = 1,
    DYAD_EXIT_USAGE = 2,   /* bad command line */
    DYAD_EXIT_DICT = 3,    /* dictionaries could not be loaded */
    DYAD_EXIT_INPUT = 4,   /* some input was bad and skipped (the good documents were stored) */
    DYAD_EXIT_IO = 5       /* a file could not be read, the store not opened or written */
};

/* dict_paths: the dictionaries to use when no --dict is given. */
int dyad_cmd_load(int argc, char **argv, const char *const *dict_paths, size_t ndict);
int dyad_cmd_query(int argc, char **argv);
int dyad_cmd_export(int argc, char **argv);

#endif
