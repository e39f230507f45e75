// Suggests gazetteer cities while a person types (a <datalist>): free text stays allowed.
// Without this script the field is a plain text box.
(function () {
	var input = document.querySelector('input[data-city-suggest]');
	if (!input || !window.fetch) return;
	var country = document.getElementById(input.getAttribute('data-city-suggest'));
	var list = document.getElementById(input.getAttribute('list'));
	var timer, last = '';
	input.addEventListener('input', function () {
		clearTimeout(timer);
		timer = setTimeout(function () {
			var q = input.value.trim();
			var key = q + '|' + (country ? country.value : '');
			if (q.length < 2 || key === last) return;
			last = key;
			fetch('/api/v1/cities?q=' + encodeURIComponent(q) + '&country=' + encodeURIComponent(country ? country.value : ''))
				.then(function (r) { return r.ok ? r.json() : []; })
				.then(function (cities) {
					list.textContent = '';
					cities.forEach(function (c) {
						var option = document.createElement('option');
						option.value = c.name;
						list.appendChild(option);
					});
				})
				.catch(function () {});
		}, 200);
	});
})();
