import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateWebhookSubscriptionRequest } from '@ciao/domain';
import {
  createWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhook,
  sendTestWebhook,
  updateWebhook,
} from '../api/webhooks-api';

const webhooksKey = ['webhooks'] as const;

export function useWebhookList() {
  return useQuery({ queryKey: webhooksKey, queryFn: ({ signal }) => listWebhooks(signal) });
}

/**
 * The delivery log of one subscription. Refreshed every few seconds while something is still to
 * send, so a test event is seen going out without reloading.
 */
export function useWebhookDeliveries(subscriptionId: string, page: number) {
  return useQuery({
    queryKey: [...webhooksKey, subscriptionId, 'deliveries', page],
    queryFn: ({ signal }) => listWebhookDeliveries(subscriptionId, page, signal),
    refetchInterval: (query) =>
      query.state.data?.items.some((delivery) => delivery.status === 'pending') ? 2_000 : 15_000,
  });
}

export function useWebhookMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhooksKey });
  return {
    create: useMutation({ mutationFn: createWebhook, onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateWebhookSubscriptionRequest }) =>
        updateWebhook(id, body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: deleteWebhook, onSuccess: refresh }),
    sendTest: useMutation({ mutationFn: sendTestWebhook, onSuccess: refresh }),
    redeliver: useMutation({
      mutationFn: ({ subscriptionId, deliveryId }: { subscriptionId: string; deliveryId: string }) =>
        redeliverWebhook(subscriptionId, deliveryId),
      onSuccess: refresh,
    }),
  };
}
