export {
  formatDocumentNumber,
  numberingSettingsOf,
  numbersOf,
  recordOfficeNumber,
  setNumberingSettings,
  takeNextNumber,
  type IssuedNumber,
  type NumberRequest,
  type NumberSource,
} from './numbering.ts';
export { documentNumberCounters, documentNumbers, numberingSettings } from './numbering.schema.ts';
