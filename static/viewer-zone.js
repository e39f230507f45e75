// Tell the server the visitor's time zone (a cookie it reads), then reload once so every
// time on the page is also shown in it. Without this script, visitors pick a zone by hand.
(function () {
	try {
		if (/(?:^|;\s*)tz=/.test(document.cookie)) return;
		var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		if (!zone) return;
		document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
		if (document.querySelector('[data-needs-viewer-zone]')) location.reload();
	} catch (e) {
		/* an old browser: the page still offers the zone picker */
	}
})();
