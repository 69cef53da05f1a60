/**
 * A command's arguments as the user typed them, when npm took some for itself (docs/commands.md).
 *
 * `npm run rate FILE --json`, typed without `--`, gives the script only FILE: npm keeps `--json` and
 * sets npm_config_json=true. A switch (--json, --force) is given back to the command as typed, and so
 * is `--out=FILE`. `--out FILE` cannot be: npm kept the option and passed its value on as a loose
 * argument, so the command stops with one line saying how to type it.
 */

export interface NpmOptions {
  /** The command as typed after `npm run`, for the message ("rate -- FILE --out FILE"). */
  usage: string;
  switches: readonly string[];
  valued: readonly string[];
}

/**
 * The arguments with what npm kept put back: a switch, and a valued option typed `--out=FILE`; `refused`
 * is the one line to print when npm kept a valued option typed `--out FILE` (its value is lost among the arguments).
 */
export function npmArguments(argv: readonly string[], options: NpmOptions, env: NodeJS.ProcessEnv = process.env): { args: string[]; refused?: string } {
  // Only inside `npm run` (npm_lifecycle_event is the script's name) do npm_config_* describe what was typed.
  if (env.npm_lifecycle_event === undefined) return { args: [...argv] };
  // npm names --panel-pack npm_config_panel_pack.
  const kept = (name: string) => (argv.includes(`--${name}`) ? undefined : env[`npm_config_${name.replace(/-/g, '_')}`]);
  const lost = options.valued.find((name) => kept(name) === 'true');
  if (lost) return { args: [...argv], refused: `npm took --${lost} for itself: put -- before the command's arguments, e.g. npm run ${options.usage}` };
  const valued = options.valued.flatMap((name) => (kept(name) === undefined ? [] : [`--${name}`, kept(name)!]));
  const switches = options.switches.filter((name) => kept(name) === 'true').map((name) => `--${name}`);
  return { args: [...argv, ...valued, ...switches] };
}

/**
 * A command as the user invoked it, for usage lines and suggestions: `npm run rate --`, or
 * `inspection-ratings rate` (`npx inspection-ratings rate`) when run through the installable command,
 * which says so in INSPECTION_RATINGS_COMMAND (bin/inspection-ratings.mjs).
 */
export function typedCommand(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const installable = env.INSPECTION_RATINGS_COMMAND;
  return installable ? `${installable} ${name}` : `npm run ${name} --`;
}
