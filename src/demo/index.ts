export {
  seedDemo,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  REFORM_DATE,
  type DemoIds,
} from './seed-demo.ts';
export { prng, randomName, pick } from './names.ts';
