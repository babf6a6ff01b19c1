/** The slice of a logger the runner needs; Nest's `Logger` satisfies it. */
export interface ProjectionLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, stack?: string): void;
}

export const silentProjectionLogger: ProjectionLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
