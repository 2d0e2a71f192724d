import { Body, Controller, Delete, Get, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { IsString } from 'class-validator';
import { httpRoutes, socketEvents } from './interface-registry';

class ThingDto { @IsString() name: string }
class ThingQuery { @IsString() q: string }
class DoDto { @IsString() what: string }

@Controller('api/things')
class ThingsController {
  @Get() list(@Query() _q: ThingQuery) { return []; }
  @Post() create(@Body() _b: ThingDto) { return {}; }
  @Delete(':id') remove(@Param('id') _id: string) { return {}; }
  notARoute() { return undefined; }
}

@Controller()
class PagesController {
  @Get(['page', 'other-page']) page() { return ''; }
}

@WebSocketGateway({ namespace: '/things' })
class ThingsGateway {
  @SubscribeMessage('thing:do') act(@ConnectedSocket() _s: unknown, @MessageBody() _b: DoDto) { return { ok: true }; }
  @SubscribeMessage('thing:ping') ping() { return { ok: true }; }
}

@Module({ controllers: [PagesController], providers: [ThingsGateway] })
class InnerModule {}

@Module({ imports: [InnerModule], controllers: [ThingsController] })
class RootModule {}

describe('interface registry', () => {
  it('lists every route and event of a module tree with its contract classes, creating nothing', async () => {
    const app = await NestFactory.createApplicationContext(RootModule, { preview: true, logger: false });
    try {
      expect(httpRoutes(app).map(({ key, body, query }) => ({ key, body: body?.name, query: query?.name }))).toEqual([
        { key: 'DELETE /api/things/:id', body: undefined, query: undefined },
        { key: 'GET /api/things', body: undefined, query: 'ThingQuery' },
        { key: 'GET /other-page', body: undefined, query: undefined },
        { key: 'GET /page', body: undefined, query: undefined },
        { key: 'POST /api/things', body: 'ThingDto', query: undefined },
      ]);
      expect(socketEvents(app).map(({ key, payload }) => ({ key, payload: payload?.name }))).toEqual([
        { key: '/things thing:do', payload: 'DoDto' },
        { key: '/things thing:ping', payload: undefined },
      ]);
    } finally {
      await app.close();
    }
  });
});
