/**
 * `npm run token -- --demo advisor|portal|learner [--expires 8h]`: a token of a demo persona (see
 * `seed/demo/README.md`): the advisor Ann granted, the portal owning the demo postings, or Ann.
 *
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
import { DEMO_PERSONAS_BASE } from '../generate/demo/build-demo-data';
import { runCli } from './run-cli';

/** `--demo <persona>` as the options it stands for. */
const DEMO_TOKEN_ARGS: Readonly<Record<string, readonly string[]>> = {
  advisor: ['--role', 'ADVISOR', '--sub', DEMO_PERSONAS_BASE.advisor.sub],
  portal: [
    '--role',
    'PORTAL',
    '--sub',
    DEMO_PERSONAS_BASE.portal.sub,
    '--portal-id',
    DEMO_PERSONAS_BASE.portal.portalId,
  ],
  learner: [
    '--role',
    'LEARNER',
    '--sub',
    DEMO_PERSONAS_BASE.learner.sub,
    '--learner-id',
    DEMO_PERSONAS_BASE.learner.learnerId,
  ],
};

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  let args = process.argv.slice(2);
  const demo = option(args, 'demo');
  if (demo !== undefined) {
    const persona = DEMO_TOKEN_ARGS[demo];
    if (persona === undefined) throw new Error(`--demo takes one of ${Object.keys(DEMO_TOKEN_ARGS).join(', ')}`);
    args = [...persona, ...args.filter((arg, i) => arg !== '--demo' && args[i - 1] !== '--demo')];
  }
  const config = loadConfig();
  if (config.env === 'production') throw new Error('refusing to mint tokens in production');
  if (!config.auth.jwtSecret) throw new Error('JWKS_URL is configured: tokens come from your identity provider');
  const roles = args.flatMap((arg, i) => (args[i - 1] === '--role' ? [arg.toUpperCase()] : []));
  const bad = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (roles.length === 0 || bad.length)
    throw new Error(
      `give one or more --role of ${ROLES.join(', ')}${bad.length ? ` (unknown: ${bad.join(', ')})` : ''}`,
    );
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
    throw new Error(
      `--expires must give a lifetime between 1 s and JWT_MAX_LIFETIME_SECONDS (${config.auth.jwtMaxLifetimeSeconds} s); it gave ${lifetime} s`,
    );
  }
  process.stdout.write(token + '\n');
}

runCli(
  'mint-token',
  main,
  'usage: token --demo learner|advisor|portal [--expires 8h]\n' +
    '       token --role ROLE [--role ROLE]... [--sub <id>] [--learner-id <id>] [--provider-id <id>] [--portal-id <id>] [--expires 8h]\n\n' +
    `Prints a development bearer token signed with JWT_SECRET (the published development secret when unset).\nROLE is one of ${ROLES.join(', ')}. Refused in production.`,
);
