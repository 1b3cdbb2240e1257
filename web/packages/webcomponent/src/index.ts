import { OpenViduMeetElement } from './element';

// Defined once even when the script is included twice.
if (typeof customElements !== 'undefined' && !customElements.get('openvidu-meet')) {
  customElements.define('openvidu-meet', OpenViduMeetElement);
}
