import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Paged } from '../../../contracts/common';
import {
  CreateTaskBody,
  TaskItem,
  TaskListQuery,
  TasksFromPlanBody,
  UpdateTaskBody,
} from '../../../contracts/reports';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import * as tasks from './tasks.service';

const tags = ['Nhiệm vụ'];

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tasks',
    {
      config: policy.permission('task.read'),
      schema: {
        tags,
        summary: 'Danh sách nhiệm vụ (có cờ quá hạn)',
        querystring: TaskListQuery,
        response: { 200: Paged(TaskItem) },
      },
    },
    async (request) => tasks.listTasks(ctxFromRequest(request), request.query),
  );

  app.get(
    '/tasks/:id',
    {
      config: policy.permission('task.read'),
      schema: { tags, summary: 'Chi tiết nhiệm vụ', params: IdParams, response: { 200: TaskItem } },
    },
    async (request) => tasks.getTask(ctxFromRequest(request), request.params.id),
  );

  app.post(
    '/tasks',
    {
      config: policy.permission('task.write'),
      schema: { tags, summary: 'Giao nhiệm vụ', body: CreateTaskBody, response: { 201: TaskItem } },
    },
    async (request, reply) =>
      reply.status(201).send(await tasks.createTask(ctxFromRequest(request), request.body)),
  );

  app.patch(
    '/tasks/:id',
    {
      config: policy.permission('task.write'),
      schema: {
        tags,
        summary: 'Cập nhật nhiệm vụ (hoàn thành, hạn, nội dung; khóa lạc quan theo version)',
        params: IdParams,
        body: UpdateTaskBody,
        response: { 200: TaskItem },
      },
    },
    async (request) => tasks.updateTask(ctxFromRequest(request), request.params.id, request.body),
  );

  app.post(
    '/tasks/from-plan',
    {
      config: policy.permission('task.write'),
      schema: {
        tags,
        summary: 'Tạo nhiệm vụ từ phân công trách nhiệm của kế hoạch',
        body: TasksFromPlanBody,
        response: { 200: z.object({ created: z.number() }) },
      },
    },
    async (request) => tasks.createTasksFromPlan(ctxFromRequest(request), request.body.planId),
  );
};
