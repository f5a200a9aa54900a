/**
 * zod's messages in Vietnamese (zod 4 ships a `vi` locale), for the server's 400 details and the
 * web app's form checks alike: a user never reads "Invalid option: expected one of …".
 * Imported for its effect by the server (`app.ts`) and the web app (`main.tsx`).
 */
import { z } from 'zod';

z.config(z.locales.vi());
