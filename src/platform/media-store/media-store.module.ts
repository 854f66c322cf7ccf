import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client, MediaStore } from '../../../libs/media-storage';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { MEDIA_STORE, S3_CLIENT } from './media.tokens';

/** Adapts libs/media-storage to the app: one S3 client, both environment buckets. */
@Global()
@Module({
  providers: [
    {
      provide: S3_CLIENT,
      inject: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig) =>
        createS3Client({
          endpoint: config.s3.endpoint,
          region: config.s3.region,
          accessKeyId: config.s3.accessKeyId,
          secretAccessKey: config.s3.secretAccessKey,
        }),
    },
    {
      provide: MEDIA_STORE,
      inject: [S3_CLIENT, RUNTIME_CONFIG],
      useFactory: async (client: S3Client, config: RuntimeConfig) => {
        const store = new MediaStore({ client, buckets: config.s3.buckets });
        await store.ensureBuckets();
        return store;
      },
    },
  ],
  exports: [MEDIA_STORE],
})
export class MediaStoreModule implements OnApplicationShutdown {
  constructor(@Inject(S3_CLIENT) private readonly client: S3Client) {}
  onApplicationShutdown(): void {
    this.client.destroy();
  }
}
