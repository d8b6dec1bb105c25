/**
 * `npm run token -- --role LEARNER --learner-id l-ann [--sub ann] [--expires 8h]`: prints a
 * development bearer token signed with the configured JWT_SECRET (the published development
 * secret when none is set). Refuses in production: real tokens come from your identity provider.
 */
import { loadConfig } from '../config/config';
import { signToken } from '../auth/sign-token';
import { ROLES, type Role } from '../domain/access/viewer';
import { runCli } from './run-cli';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const config = loadConfig();
  if (config.env === 'production') throw new Error('refusing to mint tokens in production');
  if (!config.auth.jwtSecret) throw new Error('JWKS_URL is configured: tokens come from your identity provider');
  const roles = args.flatMap((arg, i) => (args[i - 1] === '--role' ? [arg.toUpperCase()] : []));
  const bad = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (roles.length === 0 || bad.length) throw new Error(`give one or more --role of ${ROLES.join(', ')}${bad.length ? ` (unknown: ${bad.join(', ')})` : ''}`);
  const token = await signToken(
    {
      sub: option(args, 'sub') ?? `dev-${roles[0]!.toLowerCase()}`,
      roles: roles as Role[],
      learnerId: option(args, 'learner-id'),
      providerId: option(args, 'provider-id'),
      portalId: option(args, 'portal-id'),
    },
    config.auth.jwtSecret,
    option(args, 'expires') ?? '8h',
    { issuer: config.auth.jwtIssuer, audience: config.auth.jwtAudience },
  );
  process.stdout.write(token + '\n');
}

runCli('mint-token', main);
