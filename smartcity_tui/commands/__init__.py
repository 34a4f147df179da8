"""One module per command: NAME, add_parser(subparsers) -> parser, run(args) -> exit code.
They parse, call model/store/bundle, and print; they hold no logic of their own."""
