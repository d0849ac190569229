/**
 * The form requests' one route chunk (like the administration's): `/form-requests` is the
 * reader's inbox, `/form-requests/new` a department's petition, `/form-requests/:id` a request.
 */
import type { Params } from '../../router';
import List from './List';
import NewRequest from './NewRequest';
import RequestPage from './RequestPage';

export default function FormRequests({ params }: { params: Params }) {
  if (!params.id) return <List />;
  if (params.id === 'new') return <NewRequest />;
  return <RequestPage params={params} />;
}
