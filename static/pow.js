// Solves the form's proof-of-work challenge (ALTCHA format, SHA-256) in the background and
// puts the answer in the hidden "altcha" field. Without it the form still works: the server
// then confirms by mail instead.
(function () {
	var form = document.querySelector('form[data-pow]');
	if (!form || !window.crypto || !crypto.subtle) return;
	var c = JSON.parse(form.getAttribute('data-pow'));
	var field = form.querySelector('input[name="altcha"]');
	var encoder = new TextEncoder();
	function hex(buffer) {
		return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
	}
	function attempt(n) {
		if (n > c.maxnumber) return;
		return crypto.subtle.digest('SHA-256', encoder.encode(c.salt + n)).then(function (digest) {
			if (hex(digest) === c.challenge) {
				field.value = btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt, signature: c.signature }));
				return;
			}
			return attempt(n + 1);
		});
	}
	attempt(0);
})();
