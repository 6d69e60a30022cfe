package fr.dataterritoires.portal.web;

import org.springframework.web.util.UriComponentsBuilder;

import fr.dataterritoires.portal.domain.SearchCriteria;

/** Links of the search page (pagination, removing a filter) rebuilt from the criteria, so they need no script. */
public record SearchLinks(SearchCriteria criteria, String territoryDisplay) {

    public String page(int number) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/jeux-de-donnees");
        criteria.parameters().forEach(p -> uri.queryParam(p.getKey().equals("territory") ? "territoire" : p.getKey(),
                p.getValue()));
        if (number > 1) {
            uri.queryParam("page", number);
        }
        return uri.encode().build().toUriString();
    }

    public String withoutTerritory() {
        return new SearchLinks(new SearchCriteria(criteria.text(), null, criteria.selected(), criteria.sort(), 1),
                null).page(1);
    }
}
