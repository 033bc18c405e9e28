import type { JobHandlers } from './jobRunner';
import { QUALITY_RECHECK, qualityRecheckJob } from '../quality/scheduleQualityRecompute';
import { RELEASE_FILES, releaseFilesJob } from '../publication/storeReleaseFiles';
import { RELEASE_PUBLISH, releasePublishJob } from '../publication/publishRelease';
import { EXTERNAL_IMPORT, externalImportJob } from '../external/requestExternalImport';

/**
 * The jobs a server process runs from the queue, by kind. A kind missing here stays pending (a newer
 * version queued it); add one here with its handler.
 */
export const serverJobHandlers: JobHandlers = {
  [QUALITY_RECHECK]: qualityRecheckJob,
  [RELEASE_FILES]: releaseFilesJob,
  [RELEASE_PUBLISH]: releasePublishJob,
  [EXTERNAL_IMPORT]: externalImportJob,
};
