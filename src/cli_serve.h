/* cli_serve.h: `dyad serve`, the HTTP API and dashboard over a store (server: http.h). */
#ifndef DYAD_CLI_SERVE_H
#define DYAD_CLI_SERVE_H

/* argv holds what follows "serve"; returns an exit code (cli_store.h's numbers). */
int dyad_cmd_serve(int argc, char **argv);

#endif
