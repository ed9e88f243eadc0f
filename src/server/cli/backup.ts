import { ConfigError, loadConfig } from '../config/config.js';
import { backupDatabase } from '../db/backup.js';
import { connect } from '../db/connection.js';

try {
  const config = loadConfig(process.env);
  const database = connect(config.database.url);
  const path = await backupDatabase(database, {
    url: config.database.url,
    dir: config.backupDir,
    now: new Date(),
  });
  await database.close();
  console.log(`Backup written: ${path}`);
} catch (error) {
  console.error(
    error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error,
  );
  process.exit(1);
}
