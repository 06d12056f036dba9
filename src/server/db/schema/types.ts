import { customType } from 'drizzle-orm/pg-core';

/** Case-insensitive text (citext extension): usernames, staff codes, organisation codes. */
export const citext = customType<{ data: string }>({
  dataType() {
    return 'citext';
  },
});

/** Binary content (files). `pg` returns a Buffer on both engines (we always talk through `pg`). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return 'bytea';
  },
});
