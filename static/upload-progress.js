// Shows how much of a large file has been sent (forms marked data-progress). Without this
// script the form posts normally and the browser shows its own progress.
(function () {
	var form = document.querySelector('form[data-progress]');
	if (!form || !window.XMLHttpRequest || !window.FormData) return;
	var bar = form.querySelector('progress');
	form.addEventListener('submit', function (event) {
		event.preventDefault();
		var xhr = new XMLHttpRequest();
		xhr.open('POST', form.action);
		xhr.setRequestHeader('accept', 'text/html');
		if (bar) bar.hidden = false;
		xhr.upload.onprogress = function (e) {
			if (bar && e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
		};
		xhr.onload = function () {
			// The server answered with the next page (after its redirect): show it as a normal navigation would.
			if (xhr.responseURL && xhr.responseURL !== location.href) location.href = xhr.responseURL;
			else {
				document.open();
				document.write(xhr.responseText);
				document.close();
			}
		};
		xhr.onerror = function () {
			form.submit();
		};
		xhr.send(new FormData(form));
	});
})();
