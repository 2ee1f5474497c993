import { describe, expect, it } from 'vitest';
import { ConfigError, engineRestAddress, externalGateway, readConfig } from './config.js';

function configErrorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    // given an empty environment
    // when reading the configuration
    const config = readConfig({});
    // then every setting has its default and the embedded database is chosen
    expect(config).toEqual({
      PORT: 8080,
      HOST: '0.0.0.0',
      DATA_DIR: './data',
      DATABASE_URL: undefined,
      ZEEBE_GATEWAY_PORT: 26500,
      ZEEBE_ADDRESS: undefined,
      ZEEBE_GRPC_ADDRESS: undefined,
      ZEEBE_REST_ADDRESS: undefined,
      METRICS_TOKEN: undefined,
      TASK_RECONCILE_INTERVAL_SECONDS: 60,
      ENGINE_CLOCK_CONTROL: false,
      SEED_DEMO: true,
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      ZEEBE_GATEWAY_HOST: '127.0.0.1',
      SESSION_TTL_MINUTES: 60,
      SESSION_MAX_HOURS: 12,
      SERVICE_TOKEN_TTL_MINUTES: 10,
      WORKER_CLIENT_ID: 'zaakstroom-workers',
      WORKER_CLIENT_SECRET: undefined,
      WORKERS_IN_PROCESS: true,
      SMTP_URL: undefined,
      MAIL_FROM: 'Gemeente <noreply@gemeente.example>',
      PUBLIC_URL: undefined,
      STATUSLINK_DAYS: 730,
      PUBLIC_RATE_LIMIT_PER_MINUTE: 30,
      NOTIFICATIE_TIMEOUT_SECONDS: 10,
      NOTIFICATIE_MAX_ATTEMPTS: 12,
      MAX_UPLOAD_MB: 20,
      OIDC_ISSUER: undefined,
      OIDC_CLIENT_ID: undefined,
      OIDC_CLIENT_SECRET: undefined,
      OIDC_REDIRECT_URI: undefined,
      OIDC_SCOPES: 'openid profile email',
      OIDC_ROLES_CLAIM: 'roles',
      OIDC_GROUPS_CLAIM: 'groups',
    });
  });

  it('reads the notificatie time-out and attempts, and refuses nonsense naming the setting', () => {
    const config = readConfig({ NOTIFICATIE_TIMEOUT_SECONDS: '5', NOTIFICATIE_MAX_ATTEMPTS: '3' });
    expect([config.NOTIFICATIE_TIMEOUT_SECONDS, config.NOTIFICATIE_MAX_ATTEMPTS]).toEqual([5, 3]);
    expect(configErrorOf({ NOTIFICATIE_TIMEOUT_SECONDS: 'lang' }).message).toContain('NOTIFICATIE_TIMEOUT_SECONDS="lang": expected seconds');
    expect(configErrorOf({ NOTIFICATIE_MAX_ATTEMPTS: '0' }).message).toContain('NOTIFICATIE_MAX_ATTEMPTS="0"');
  });

  it('reads numbers and URLs, and treats an empty value as unset', () => {
    // given settings as an operator writes them
    const env = {
      PORT: '9090',
      DATABASE_URL: 'postgres://zs@db:5432/zaakstroom',
      DATA_DIR: '',
      ZEEBE_GATEWAY_PORT: '0',
    };
    // when reading the configuration
    const config = readConfig(env);
    // then they arrive typed; the empty DATA_DIR falls back to the default; 0 means "any free port"
    expect(config.PORT).toBe(9090);
    expect(config.DATABASE_URL).toBe('postgres://zs@db:5432/zaakstroom');
    expect(config.DATA_DIR).toBe('./data');
    expect(config.ZEEBE_GATEWAY_PORT).toBe(0);
  });

  it('rejects a port that is not a number, naming the setting, its value and the expected form', () => {
    // given PORT=abc
    // when reading the configuration
    const error = configErrorOf({ PORT: 'abc' });
    // then the error names PORT, what was given and what is expected, on one line
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain('PORT="abc"');
    expect(error.message).toContain('expected a port number (0-65535)');
    expect(error.message).not.toContain('\n');
  });

  it('lists every wrong setting at once', () => {
    // given two wrong settings
    const error = configErrorOf({ PORT: '70000', DATABASE_URL: 'mysql://db/zaken' });
    // then both are named, with the expected form
    expect(error.message).toContain('PORT="70000": expected a port number (0-65535)');
    expect(error.message).toContain('DATABASE_URL="mysql://db/zaken": expected a postgres://');
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('reads the boolean %s as %s', (value, expected) => {
    // given a boolean setting spelled one of the accepted ways
    // when reading the configuration
    const config = readConfig({ ENGINE_CLOCK_CONTROL: value, SEED_DEMO: value });
    // then it is a real boolean
    expect(config.ENGINE_CLOCK_CONTROL).toBe(expected);
    expect(config.SEED_DEMO).toBe(expected);
  });

  it('rejects a boolean it does not recognise', () => {
    // given a spelling that could mean anything
    const error = configErrorOf({ ENGINE_CLOCK_CONTROL: 'maybe' });
    // then the setting and the accepted values are named
    expect(error.message).toContain('ENGINE_CLOCK_CONTROL="maybe": expected true or false');
  });

  it('reads the upload limit in megabytes, fractions allowed, and refuses zero', () => {
    // given an operator who allows 50 MB, or half a megabyte
    // then the limit arrives as a number
    expect(readConfig({ MAX_UPLOAD_MB: '50' }).MAX_UPLOAD_MB).toBe(50);
    expect(readConfig({ MAX_UPLOAD_MB: '0.5' }).MAX_UPLOAD_MB).toBe(0.5);
    // and 0 or a word is refused, naming the setting
    expect(configErrorOf({ MAX_UPLOAD_MB: '0' }).message).toContain('MAX_UPLOAD_MB="0": expected more than 0 megabytes');
    expect(configErrorOf({ MAX_UPLOAD_MB: 'veel' }).message).toContain('MAX_UPLOAD_MB="veel"');
  });

  it('reads the citizen status-page settings and refuses a PUBLIC_URL that is no URL', () => {
    // given an operator who publishes the status pages under their own domain
    const config = readConfig({ PUBLIC_URL: 'https://zaken.gemeente.nl', STATUSLINK_DAYS: '365', PUBLIC_RATE_LIMIT_PER_MINUTE: '10' });
    // then they arrive typed
    expect([config.PUBLIC_URL, config.STATUSLINK_DAYS, config.PUBLIC_RATE_LIMIT_PER_MINUTE]).toEqual(['https://zaken.gemeente.nl', 365, 10]);
    // and a bare host name is refused, naming the setting
    expect(configErrorOf({ PUBLIC_URL: 'zaken.gemeente.nl' }).message).toContain('PUBLIC_URL="zaken.gemeente.nl"');
  });

  it('reads the OpenID Connect settings, and refuses an insecure issuer or one without a client id', () => {
    // given a municipality's identity provider
    const config = readConfig({ OIDC_ISSUER: 'https://login.gemeente.nl/realms/medewerkers', OIDC_CLIENT_ID: 'zaakstroom', OIDC_ROLES_CLAIM: 'realm_access.roles' });
    // then the settings arrive as given, with the defaults for the rest
    expect([config.OIDC_ISSUER, config.OIDC_CLIENT_ID, config.OIDC_ROLES_CLAIM, config.OIDC_SCOPES]).toEqual([
      'https://login.gemeente.nl/realms/medewerkers',
      'zaakstroom',
      'realm_access.roles',
      'openid profile email',
    ]);
    // and a provider on this machine may use plain http (development, tests)
    expect(readConfig({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'zaakstroom' }).OIDC_ISSUER).toBe('http://127.0.0.1:9000');
    // but elsewhere it must be https, the client id is required, and openid must be among the scopes
    expect(configErrorOf({ OIDC_ISSUER: 'http://login.gemeente.nl', OIDC_CLIENT_ID: 'zaakstroom' }).message).toContain('OIDC_ISSUER="http://login.gemeente.nl": expected https://');
    expect(configErrorOf({ OIDC_ISSUER: 'https://login.gemeente.nl' }).message).toContain('OIDC_CLIENT_ID=undefined: required when OIDC_ISSUER is set');
    expect(configErrorOf({ OIDC_SCOPES: 'profile email' }).message).toContain('OIDC_SCOPES="profile email": expected space-separated scopes that include openid');
  });

  it('derives the external engine from ZEEBE_ADDRESS or ZEEBE_GRPC_ADDRESS, REST on port 8080 unless told', () => {
    // given the settings an operator uses for a cluster
    const legacy = readConfig({ ZEEBE_ADDRESS: 'zeebe.example:26500' });
    const modern = readConfig({ ZEEBE_GRPC_ADDRESS: 'grpcs://cluster.example:443', ZEEBE_REST_ADDRESS: 'https://cluster.example/' });
    // then both name the gateway, and the REST address is derived or taken as given
    expect(externalGateway(legacy)).toBe('zeebe.example:26500');
    expect(engineRestAddress(legacy)).toBe('http://zeebe.example:8080');
    expect(externalGateway(modern)).toBe('cluster.example:443');
    expect(engineRestAddress(modern)).toBe('https://cluster.example');
    expect(externalGateway(readConfig({}))).toBeUndefined();
  });

  it('rejects a gateway address without a port and a short metrics token', () => {
    const error = configErrorOf({ ZEEBE_ADDRESS: 'http://zeebe', METRICS_TOKEN: 'short' });
    expect(error.message).toContain('ZEEBE_ADDRESS="http://zeebe": expected host:port');
    expect(error.message).toContain('METRICS_TOKEN="short": expected at least 16 characters');
  });
});
