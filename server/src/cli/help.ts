/** `stagelint --help`. Kept next to args.ts so the two are reviewed together. */
export const HELP = `Usage: stagelint [paths...] [options]
       stagelint rules [--format stylish|json]

Lints Dockerfiles with an understanding of multi-stage builds. Paths may be files, folders (searched
recursively for Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile, Containerfile.*)
or quoted globs. Without paths the current folder is searched (write ./rules for a folder named rules).

Options:
  -f, --format <name>           stylish (default), json, sarif or github
  -o, --output <file>           write the report to a file instead of standard output
      --fix                     apply safe fixes and write the files back (creates files such as
                                .dockerignore when a fix needs them and they do not exist)
      --unsafe-fixes            with --fix, also apply unsafe fixes
  -c, --config <file>           use this config file for every Dockerfile (default: the nearest
                                .stagelint.json above each file, up to the repository root)
      --rule <id>=<severity>    override a rule's severity (error, warning, info, hint, off); repeatable
      --target <stage>          a stage built as a target besides the last one; repeatable
      --max-warnings <n>        exit with 1 when more than n warnings are found
      --failure-threshold <s>   lowest severity that makes the exit code 1: error (default), warning,
                                info or hint
      --no-ignore-comments      do not honour # stagelint-ignore / # hadolint ignore= / # check=skip= comments
      --stdin                   lint standard input (with --fix, print the fixed text to standard output)
      --stdin-filename <file>   path of the standard input text, for config lookup and the report
  -h, --help                    show this help
  -v, --version                 show the version

Exit codes: 0 no problem at or above the threshold, 1 problems at or above the threshold (or too many
warnings), 2 usage, configuration or file error.
`;
