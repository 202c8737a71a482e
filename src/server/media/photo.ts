import sharp from 'sharp';
import { UPLOAD_LIMITS } from '../../domain/media-uploads';
import { HttpError } from '../http/api-error';

/** A carer's card shows the photo small; this is ample for a tablet's screen at twice its density. */
export const PHOTO_MAX_SIDE_PX = 800;
const MAX_PIXELS = UPLOAD_LIMITS.photo.maxPixels!;

/**
 * Makes a stored photo from an upload already known (by content) to be JPEG, PNG or WebP: turned upright
 * by its EXIF orientation, shrunk to fit 800×800, re-encoded as JPEG with no metadata at all (no GPS, no
 * camera, no EXIF). Image headers are read first, so a huge image is refused without being decoded.
 */
export async function makeStoredPhoto(sourcePath: string, outputPath: string): Promise<void> {
  let width: number;
  let height: number;
  try {
    ({ width, height } = await sharp(sourcePath, { limitInputPixels: false }).metadata());
  } catch {
    throw unreadable();
  }
  if (width * height > MAX_PIXELS) {
    throw new HttpError(
      422,
      'invalid-file',
      `This photo is ${width} × ${height} pixels, which is too big to use; Hearth takes photos of up to ${MAX_PIXELS / 1_000_000} megapixels. Send a smaller copy.`,
    );
  }
  try {
    // sharp writes no metadata unless asked (withMetadata/keepExif), so the GPS position and the camera go.
    await sharp(sourcePath, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize(PHOTO_MAX_SIDE_PX, PHOTO_MAX_SIDE_PX, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toFile(outputPath);
  } catch {
    throw unreadable();
  }
}

const unreadable = () => new HttpError(422, 'invalid-file', 'This photo cannot be read: the file is damaged or cut short. Take or choose the photo again.');
