import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ref } from '../platform/openapi/schema-ref';
import { Authenticated } from './access.decorator';
import { CurrentPrincipal } from './current.decorator';
import { MeService } from './me.service';
import type { Principal } from './principal';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('api/me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Who the caller is: admin or a site token, its role and its site' })
  @ApiOkResponse({ schema: ref('Me') })
  getMe(@CurrentPrincipal() principal: Principal) {
    return this.me.describe(principal);
  }
}
