import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AdminOnly } from '../../auth/access.decorator';
import { Metrics } from './metrics';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @AdminOnly()
  @ApiOperation({ summary: "This process's Prometheus metrics (every role serves its own)" })
  @ApiOkResponse({
    description: 'The Prometheus text exposition format, version 0.0.4',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async getMetrics(@Res({ passthrough: true }) response: Response): Promise<string> {
    const text = await this.metrics.exposition();
    response.type(this.metrics.registry.contentType).setHeader('Cache-Control', 'no-store');
    return text;
  }
}
