/**
 * A script's own command line, read the one way every lens script reads it: `option("--model")`
 * is the word after the flag (undefined when the flag is absent), `flag("--misses")` whether the
 * flag is there.
 * @example const { option, flag } = scriptArgs(["--model", "m.json", "--misses"]); option("--model") // "m.json"
 */
export function scriptArgs(args: readonly string[] = process.argv.slice(2)): {
  option: (name: string) => string | undefined;
  flag: (name: string) => boolean;
} {
  return {
    option: (name) => {
      const at = args.indexOf(name);
      return at >= 0 ? args[at + 1] : undefined;
    },
    flag: (name) => args.includes(name),
  };
}
