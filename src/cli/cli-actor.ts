/** Who makes a change from the command line, as the graph records it (the login name). */
export function cliActor(): string {
  return `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;
}
