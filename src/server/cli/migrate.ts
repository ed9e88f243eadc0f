import { ConfigError, loadConfig } from '../config/config.js';
import { connect } from '../db/connection.js';
import { migrateToLatest } from '../db/migrator.js';

try {
  const config = loadConfig(process.env);
  const database = connect(config.database.url);
  const applied = await migrateToLatest(database.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
