import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ErrorCode, isAppError } from '../../src/errors.js';

function configError(env: NodeJS.ProcessEnv) {
  try {
    loadConfig(env);
  } catch (error) {
    return error;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('has working defaults: local Neo4j, API on 127.0.0.1:4000', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.database).toBe('neo4j');
    expect(config.api).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(config.local.boltPort).toBe(7687);
    expect(config.local.dataDir).toMatch(/\.data$/);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '  ' }).api.port).toBe(4000);
  });

  it('accepts every Bolt scheme a cluster or Aura uses', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://cluster:7687', 'neo4j+s://abc.databases.neo4j.io', 'bolt+ssc://db']) {
      expect(loadConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
    }
  });

  it('stops with BAD_CONFIG naming each bad variable and what it expects', () => {
    const error = configError({ PORT: 'eighty', NEO4J_URI: 'http://db:7474', NEO4J_HEAP: 'lots' });
    expect(isAppError(error, ErrorCode.BAD_CONFIG)).toBe(true);
    const details = (error as { details: string[] }).details;
    expect(details.find((d) => d.startsWith('PORT:'))).toContain('TCP port');
    expect(details.find((d) => d.startsWith('NEO4J_URI:'))).toContain('Bolt URI');
    expect(details.find((d) => d.startsWith('NEO4J_HEAP:'))).toContain('512m');
  });

  it('rejects out-of-range ports', () => {
    expect(isAppError(configError({ PORT: '70000' }), ErrorCode.BAD_CONFIG)).toBe(true);
  });
});
