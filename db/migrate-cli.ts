import { defaultOpenOptions, openDb } from "./client";
import { migrateDb } from "./migrate";

const options = defaultOpenOptions();
const handle = await openDb(options);
try {
  await migrateDb(handle, "databaseUrl" in options ? options.databaseUrl : undefined);
  console.log(`Migrations applied (${handle.engine}).`);
} finally {
  await handle.close();
}
