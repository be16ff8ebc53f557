/**
 * serverless.yml's `provider.environment`, resolved as `serverless` resolves
 * it for a deployment, for the local gateway: `${env:NAME}` and
 * `${env:NAME, 'default'}` from the starting environment, `${env:NAME,
 * self:...}` from it too (the launcher sets those to the local resources'
 * names). A value serverless would fail to resolve fails here, naming it.
 */
const ENV_REF = /^\$\{env:(\w+)(?:,\s*(?:'([^']*)'|"([^"]*)"|(self:[\w.]+)))?\s*\}$/;

export function resolveEnvironment(
  environment: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) {
    if (typeof value !== 'string') {
      throw new Error(`logsift: provider.environment.${name} is not a string or \${env:...} reference`);
    }
    if (!value.includes('${')) {
      resolved[name] = value;
      continue;
    }
    const ref = ENV_REF.exec(value);
    if (!ref) throw new Error(`logsift: cannot resolve provider.environment.${name}: ${value}`);
    const [, variable, single, double, self] = ref;
    const given = env[variable!];
    if (given !== undefined) resolved[name] = given;
    else if (single !== undefined || double !== undefined) resolved[name] = single ?? double ?? '';
    else {
      throw new Error(
        `logsift: provider.environment.${name} needs ${variable} set${self ? ` (deployed: ${self})` : ''}`,
      );
    }
  }
  return resolved;
}
