/** `context add|use|list` (the contexts file) and `completion bash|zsh` (a static script). */
import type { Command } from 'commander';
import { configPath, readConfig, writeConfig } from '../config.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT, table, writeMachine } from '../output.js';

export function registerSetupCommands(program: Command, ctx: CliContext): void {
  const context = program.command('context').description('named servers and tokens (~/.config/kubemin/config.yaml, mode 0600)');
  context
    .command('add')
    .argument('<name>', 'the context\'s name')
    .option('--server <url>', 'the KubeMin API (required)')
    .option('--token <token>', 'a bearer token')
    .description('add (or replace) a context and make it current')
    .action(async (name: string, opts: { server?: string; token?: string }) => {
      // commander gives --server and --token to the program's options of the same names wherever they stand
      const server = opts.server ?? ctx.globals().server;
      const token = opts.token ?? ctx.globals().token;
      if (!server) throw new CliError('context add needs --server <url>', EXIT.usage, 'kubemin context add NAME --server http://127.0.0.1:8080 [--token T]');
      const path = configPath(ctx.env);
      const config = await readConfig(path);
      config.contexts = [...config.contexts.filter((c) => c.name !== name), { name, server, ...(token ? { token } : {}) }];
      config.current = name;
      await writeConfig(path, config);
      ctx.say(`context ${name} added and in use (${path})`);
    });
  context
    .command('use')
    .argument('<name>', 'the context')
    .description('make a context current')
    .action(async (name: string) => {
      const path = configPath(ctx.env);
      const config = await readConfig(path);
      if (!config.contexts.some((c) => c.name === name)) throw new CliError(`no context "${name}" in ${path}`, EXIT.usage, 'kubemin context list shows them; kubemin context add adds one');
      config.current = name;
      await writeConfig(path, config);
      ctx.say(`using context ${name}`);
    });
  context
    .command('list')
    .description('the contexts (tokens are not shown)')
    .action(async () => {
      const config = await readConfig(configPath(ctx.env));
      const rows = config.contexts.map((c) => ({ name: c.name, server: c.server, current: c.name === config.current, token: c.token ? 'set' : 'none' }));
      if (writeMachine(ctx.stdout, ctx.globals().output, rows, () => rows.map((r) => r.name))) return;
      ctx.stdout.write(table(['CURRENT', 'NAME', 'SERVER', 'TOKEN'], rows.map((r) => [r.current ? '*' : '', r.name, r.server, r.token])));
    });
  for (const c of context.commands) c.exitOverride().configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });

  program
    .command('completion')
    .description('a shell completion script: source <(kubemin completion bash)')
    .argument('<shell>', 'bash or zsh')
    .action((shell: string) => {
      const names = program.commands.map((c) => c.name()).filter((n) => n !== 'help').sort().join(' ');
      if (shell === 'bash') {
        ctx.stdout.write(`# kubemin bash completion\n_kubemin() {\n  local cur="\${COMP_WORDS[COMP_CWORD]}"\n  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=( $(compgen -W "${names}" -- "$cur") ); fi\n}\ncomplete -F _kubemin kubemin\n`);
      } else if (shell === 'zsh') {
        ctx.stdout.write(`#compdef kubemin\n_kubemin() {\n  local -a commands\n  commands=(${names})\n  if (( CURRENT == 2 )); then compadd -a commands; fi\n}\ncompdef _kubemin kubemin\n`);
      } else throw new CliError(`no completion for "${shell}"`, EXIT.usage, 'kubemin completion bash, or kubemin completion zsh');
    });
}
