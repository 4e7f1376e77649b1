// The host page's own script (external, for the Content-Security-Policy).
