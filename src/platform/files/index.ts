export { FileStore, attachmentTypeOfMedia, type StoredFile } from './file-store.ts';
export {
  ATTACHMENT_TYPES,
  EXTENSIONS,
  MAX_ATTACHMENT_BYTES,
  MEDIA_TYPES,
  detectAttachmentType,
  type AttachmentType,
} from './file-type.ts';
