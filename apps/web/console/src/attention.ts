declare const __OFFER_SOUND__: string;

/**
 * What draws a tired eye back to the console: a chime and a flashing title for an offer
 * or an alert, and the unread count in the title. The chime is a local asset.
 */
export class Attention {
  soundOn = sessionStorage.getItem('prystan.sound') !== 'off';
  private readonly base = 'Prystan';
  private flashText?: string;
  private readonly sources = new Map<string, string>();
  private flashTimer?: number;
  private unread = 0;
  private audio?: HTMLAudioElement;

  constructor() {
    window.addEventListener('focus', () => this.render());
    document.addEventListener('visibilitychange', () => this.render());
  }

  setSound(on: boolean): void {
    this.soundOn = on;
    sessionStorage.setItem('prystan.sound', on ? 'on' : 'off');
  }

  chime(): void {
    if (!this.soundOn) return;
    this.audio ??= new Audio(__OFFER_SOUND__);
    this.audio.currentTime = 0;
    void this.audio.play().catch(() => undefined);
  }

  /** Flashes the title until every source stopped (offers, alerts, a sign-in to renew). */
  flash(key: string, text: string): void {
    this.sources.set(key, text);
    this.flashText = text;
    if (this.flashTimer === undefined) this.flashTimer = window.setInterval(() => this.render(true), 1000);
    this.render(true);
  }

  stopFlash(key: string): void {
    this.sources.delete(key);
    this.flashText = [...this.sources.values()].pop();
    if (!this.flashText) {
      window.clearInterval(this.flashTimer);
      this.flashTimer = undefined;
    }
    this.render();
  }

  setUnread(n: number): void {
    this.unread = n;
    this.render();
  }

  private render(toggle = false): void {
    const plain = this.unread > 0 ? `(${this.unread}) ${this.base}` : this.base;
    if (this.flashText && toggle) document.title = document.title === this.flashText ? plain : this.flashText;
    else document.title = this.flashText ?? plain;
  }
}
