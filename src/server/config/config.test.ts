import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults: SQLite in ./data, port 3000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ url: 'sqlite:./data/groeipad.db', dialect: 'sqlite' });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.isHttps).toBe(false);
    expect(config.session).toEqual({ idleMinutes: 30, absoluteHours: 12 });
  });

  it('reads PostgreSQL, https and the demo flag', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db/pop',
      PUBLIC_URL: 'https://pop.example.org/',
      DEMO: 'true',
    });
    expect(config.database.dialect).toBe('postgresql');
    expect(config.publicUrl).toBe('https://pop.example.org');
    expect(config.isHttps).toBe(true);
    expect(config.demo).toBe(true);
  });

  it('puts the demo in its own database unless one is given', () => {
    expect(loadConfig({}, { demo: true }).database.url).toBe('sqlite:./data/demo.db');
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' }, { demo: true }).database.url).toBe(
      'sqlite:/tmp/x.db',
    );
  });

  it('lists every invalid variable at once', () => {
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        SESSION_IDLE_MINUTES: '-5',
        SMTP_URL: 'http://mail',
        DEMO: 'maybe',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const names = (error as ConfigError).problems.map((p) => p.split(':')[0]).sort();
      expect(names).toEqual(['DATABASE_URL', 'DEMO', 'PORT', 'SESSION_IDLE_MINUTES', 'SMTP_URL']);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', SMTP_URL: '' }).port).toBe(3000);
  });
});
