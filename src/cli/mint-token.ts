/**
 * `npm run token -- --role LEARNER --learner-id l-ann [--sub ann] [--expires 8h]`: prints a
 * development bearer token signed with the configured JWT_SECRET (the published development
 * secret when none is set), expiring within JWT_MAX_LIFETIME_SECONDS (default: 8 h or that maximum if shorter). Refuses in
 * production: real tokens come from your identity provider.
 */
import { loadConfig } from '../config/config';
import { decodeJwt } from 'jose';
import { signToken } from '../auth/sign-token';
import { tokenLifetimeSeconds } from '../auth/verify-token';
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
    option(args, 'expires') ?? `${Math.min(8 * 3600, config.auth.jwtMaxLifetimeSeconds)}s`,
    { issuer: config.auth.jwtIssuer, audience: config.auth.jwtAudience },
  );
  // The server refuses tokens living longer than JWT_MAX_LIFETIME_SECONDS: never print one.
  const lifetime = tokenLifetimeSeconds(decodeJwt(token), Math.floor(Date.now() / 1000));
  if (!(lifetime > 0 && lifetime <= config.auth.jwtMaxLifetimeSeconds)) {
    throw new Error(`--expires must give a lifetime between 1 s and JWT_MAX_LIFETIME_SECONDS (${config.auth.jwtMaxLifetimeSeconds} s); it gave ${lifetime} s`);
  }
  process.stdout.write(token + '\n');
}

runCli('mint-token', main);
